using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Investment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SharedWithPath",
                table: "ProjectShare",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IndustryCode",
                table: "ChainNodes",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            // Shares stored before they were shown to their locality get the locality's path (ScopeGuard sets it from now on).
            migrationBuilder.Sql("UPDATE \"ProjectShare\" SET \"SharedWithPath\" = (SELECT j.\"JurisdictionPath\" FROM \"Jurisdictions\" j WHERE j.\"Id\" = \"ProjectShare\".\"LocalityId\")");

            migrationBuilder.CreateTable(
                name: "FundsInPlace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundsInPlace", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundsInPlace_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundsInPlace_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Leads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InvestorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InvestorUscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    InvestorLocation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ChainId = table.Column<Guid>(type: "uuid", nullable: true),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Purpose = table.Column<int>(type: "integer", nullable: true),
                    IndustryCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    PlannedInvestment = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: true),
                    TargetPushId = table.Column<Guid>(type: "uuid", nullable: true),
                    Major = table.Column<bool>(type: "boolean", nullable: false),
                    TaskForce = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResponsibleLeader = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StageSince = table.Column<DateOnly>(type: "date", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DropReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConvertedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Leads_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Leads_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TargetEnterprises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChainId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Location = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IndustryCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetEnterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetEnterprises_ChainNodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "ChainNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TargetEnterprises_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TargetEnterprises_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DealPackages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    Terms = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EstimatedValue = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealPackages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealPackages_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DealPackages_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeadFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    From = table.Column<int>(type: "integer", nullable: true),
                    To = table.Column<int>(type: "integer", nullable: true),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadFollowUps_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeadFollowUps_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TargetPushes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChainId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChainName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NodeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FromJurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Location = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IndustryCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PushedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PushedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetPushes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetPushes_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TargetPushes_TargetEnterprises_TargetId",
                        column: x => x.TargetId,
                        principalTable: "TargetEnterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectShare_SharedWithPath",
                table: "ProjectShare",
                column: "SharedWithPath");

            migrationBuilder.CreateIndex(
                name: "IX_DealPackages_JurisdictionId",
                table: "DealPackages",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_DealPackages_JurisdictionPath",
                table: "DealPackages",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_DealPackages_LeadId",
                table: "DealPackages",
                column: "LeadId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundsInPlace_JurisdictionId",
                table: "FundsInPlace",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_FundsInPlace_JurisdictionPath",
                table: "FundsInPlace",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_FundsInPlace_ProjectId_Year_Month",
                table: "FundsInPlace",
                columns: new[] { "ProjectId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadFollowUps_JurisdictionId",
                table: "LeadFollowUps",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadFollowUps_JurisdictionPath",
                table: "LeadFollowUps",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_LeadFollowUps_LeadId",
                table: "LeadFollowUps",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_JurisdictionId_Name",
                table: "Leads",
                columns: new[] { "JurisdictionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Leads_JurisdictionPath",
                table: "Leads",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_ProjectId",
                table: "Leads",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TargetEnterprises_ChainId_NodeId_EnterpriseName",
                table: "TargetEnterprises",
                columns: new[] { "ChainId", "NodeId", "EnterpriseName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TargetEnterprises_JurisdictionId",
                table: "TargetEnterprises",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetEnterprises_JurisdictionPath",
                table: "TargetEnterprises",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_TargetEnterprises_NodeId",
                table: "TargetEnterprises",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetPushes_JurisdictionId",
                table: "TargetPushes",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetPushes_JurisdictionPath",
                table: "TargetPushes",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_TargetPushes_TargetId_JurisdictionId",
                table: "TargetPushes",
                columns: new[] { "TargetId", "JurisdictionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DealPackages");

            migrationBuilder.DropTable(
                name: "FundsInPlace");

            migrationBuilder.DropTable(
                name: "LeadFollowUps");

            migrationBuilder.DropTable(
                name: "TargetPushes");

            migrationBuilder.DropTable(
                name: "Leads");

            migrationBuilder.DropTable(
                name: "TargetEnterprises");

            migrationBuilder.DropIndex(
                name: "IX_ProjectShare_SharedWithPath",
                table: "ProjectShare");

            migrationBuilder.DropColumn(
                name: "SharedWithPath",
                table: "ProjectShare");

            migrationBuilder.DropColumn(
                name: "IndustryCode",
                table: "ChainNodes");
        }
    }
}
