using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cultivation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CultivationModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromPack = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CultivationModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CultivationModels_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CultivationProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductionStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NicheSinceYear = table.Column<int>(type: "INTEGER", nullable: true),
                    StrategicEmerging = table.Column<bool>(type: "INTEGER", nullable: false),
                    RdInstitutionLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    MajorProjectUnderConstruction = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CultivationProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CultivationProfiles_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CultivationProfiles_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CultivationYears",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    MainBusinessRevenue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    TotalAssets = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    TotalLiabilities = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    RdStaff = table.Column<int>(type: "INTEGER", nullable: true),
                    HighValueIp = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnClassOneIp = table.Column<int>(type: "INTEGER", nullable: true),
                    ClassOneIp = table.Column<int>(type: "INTEGER", nullable: true),
                    ClassTwoIp = table.Column<int>(type: "INTEGER", nullable: true),
                    EquityFinancing2y = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CultivationYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CultivationYears_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CultivationYears_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ModelIds = table.Column<string>(type: "TEXT", nullable: false),
                    ModelVersions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SubjectCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ObjectionDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationRuns_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExpertScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Reviewer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertScores_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExpertScores_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExpertScores_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TierExits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastTier = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NoticeDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierExits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TierExits_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TierExits_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TierExits_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TierMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ToYear = table.Column<int>(type: "INTEGER", nullable: true),
                    StartedByResultId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EndedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TierMemberships_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TierMemberships_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TierMemberships_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Class = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ClassKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FinalClass = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Exempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HeldTier = table.Column<int>(type: "INTEGER", nullable: true),
                    ReachedTier = table.Column<int>(type: "INTEGER", nullable: true),
                    Proposal = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_CultivationModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "CultivationModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_EvaluationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "EvaluationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NewClass = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objections_EvaluationResults_ResultId",
                        column: x => x.ResultId,
                        principalTable: "EvaluationResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Objections_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CultivationModels_JurisdictionId_Kind_Code_Year_Revision",
                table: "CultivationModels",
                columns: new[] { "JurisdictionId", "Kind", "Code", "Year", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CultivationModels_JurisdictionPath",
                table: "CultivationModels",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_CultivationProfiles_EnterpriseId",
                table: "CultivationProfiles",
                column: "EnterpriseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CultivationProfiles_JurisdictionId",
                table: "CultivationProfiles",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_CultivationProfiles_JurisdictionPath",
                table: "CultivationProfiles",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_CultivationYears_EnterpriseId_Year",
                table: "CultivationYears",
                columns: new[] { "EnterpriseId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CultivationYears_JurisdictionId",
                table: "CultivationYears",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_CultivationYears_JurisdictionPath",
                table: "CultivationYears",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_ChainId",
                table: "EvaluationResults",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_EnterpriseId",
                table: "EvaluationResults",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_JurisdictionId",
                table: "EvaluationResults",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_JurisdictionPath",
                table: "EvaluationResults",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_ModelId",
                table: "EvaluationResults",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_RunId_Score",
                table: "EvaluationResults",
                columns: new[] { "RunId", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRuns_JurisdictionId",
                table: "EvaluationRuns",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRuns_JurisdictionPath",
                table: "EvaluationRuns",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRuns_Kind_Year",
                table: "EvaluationRuns",
                columns: new[] { "Kind", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertScores_ChainId",
                table: "ExpertScores",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertScores_EnterpriseId",
                table: "ExpertScores",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertScores_JurisdictionId",
                table: "ExpertScores",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertScores_JurisdictionPath",
                table: "ExpertScores",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertScores_Year_EnterpriseId_ChainId_Key",
                table: "ExpertScores",
                columns: new[] { "Year", "EnterpriseId", "ChainId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Objections_JurisdictionId",
                table: "Objections",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_JurisdictionPath",
                table: "Objections",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_ResultId",
                table: "Objections",
                column: "ResultId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_RunId",
                table: "Objections",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_TierExits_ChainId",
                table: "TierExits",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_TierExits_EnterpriseId",
                table: "TierExits",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_TierExits_JurisdictionId",
                table: "TierExits",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_TierExits_JurisdictionPath",
                table: "TierExits",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_TierMemberships_ChainId_EnterpriseId",
                table: "TierMemberships",
                columns: new[] { "ChainId", "EnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_TierMemberships_EnterpriseId",
                table: "TierMemberships",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_TierMemberships_JurisdictionId",
                table: "TierMemberships",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_TierMemberships_JurisdictionPath",
                table: "TierMemberships",
                column: "JurisdictionPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CultivationProfiles");

            migrationBuilder.DropTable(
                name: "CultivationYears");

            migrationBuilder.DropTable(
                name: "ExpertScores");

            migrationBuilder.DropTable(
                name: "Objections");

            migrationBuilder.DropTable(
                name: "TierExits");

            migrationBuilder.DropTable(
                name: "TierMemberships");

            migrationBuilder.DropTable(
                name: "EvaluationResults");

            migrationBuilder.DropTable(
                name: "CultivationModels");

            migrationBuilder.DropTable(
                name: "EvaluationRuns");
        }
    }
}
