using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Incentives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IncentiveBudgets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Fund = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncentiveBudgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncentiveBudgets_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncentivePacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PackVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    StackingClause = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StackingSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncentivePacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncentivePacks_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncentiveWorkflows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StagesJson = table.Column<string>(type: "TEXT", nullable: false),
                    PackCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncentiveWorkflows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncentiveWorkflows_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncentiveMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DocumentTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Clause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SupportType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExclusivityGroup = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Subject = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RuleJson = table.Column<string>(type: "TEXT", nullable: false),
                    ChecklistJson = table.Column<string>(type: "TEXT", nullable: false),
                    WorkflowId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Fund = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    PackCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncentiveMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncentiveMeasures_IncentiveWorkflows_WorkflowId",
                        column: x => x.WorkflowId,
                        principalTable: "IncentiveWorkflows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncentiveMeasures_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncentiveMeasures_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IncentiveMeasures_PolicyDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "PolicyDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "IncentiveApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StageEnteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    StageDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PurchaseAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    LoanPrincipal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    LoanRate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    LoanDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Attested = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Ceiling = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Eligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    AmountToBeSet = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExplanationJson = table.Column<string>(type: "TEXT", nullable: false),
                    ApprovedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    PaymentMethod = table.Column<int>(type: "INTEGER", nullable: true),
                    Instalments = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BudgetYear = table.Column<int>(type: "INTEGER", nullable: true),
                    BudgetOverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BudgetOverrideBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PaidAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncentiveApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncentiveApplications_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IncentiveApplications_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncentiveApplications_IncentiveMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "IncentiveMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncentiveApplications_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncentiveApplications_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncentiveApplicationEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StageName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncentiveApplicationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncentiveApplicationEvents_IncentiveApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "IncentiveApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncentiveApplicationEvents_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncentiveApplicationFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChecklistNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Alternative = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncentiveApplicationFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncentiveApplicationFiles_IncentiveApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "IncentiveApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncentiveApplicationFiles_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncentivePayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Instalment = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Voucher = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncentivePayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncentivePayments_IncentiveApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "IncentiveApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncentivePayments_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplicationEvents_ApplicationId",
                table: "IncentiveApplicationEvents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplicationEvents_JurisdictionId",
                table: "IncentiveApplicationEvents",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplicationEvents_JurisdictionPath",
                table: "IncentiveApplicationEvents",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplicationFiles_ApplicationId",
                table: "IncentiveApplicationFiles",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplicationFiles_JurisdictionId",
                table: "IncentiveApplicationFiles",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplicationFiles_JurisdictionPath",
                table: "IncentiveApplicationFiles",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplications_ChainId",
                table: "IncentiveApplications",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplications_EnterpriseId",
                table: "IncentiveApplications",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplications_JurisdictionId_Number",
                table: "IncentiveApplications",
                columns: new[] { "JurisdictionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplications_JurisdictionPath",
                table: "IncentiveApplications",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplications_MeasureId",
                table: "IncentiveApplications",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplications_ProjectId",
                table: "IncentiveApplications",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveApplications_State",
                table: "IncentiveApplications",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveBudgets_JurisdictionId_Year_Fund",
                table: "IncentiveBudgets",
                columns: new[] { "JurisdictionId", "Year", "Fund" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveBudgets_JurisdictionPath",
                table: "IncentiveBudgets",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveMeasures_DocumentId",
                table: "IncentiveMeasures",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveMeasures_JurisdictionId_Key",
                table: "IncentiveMeasures",
                columns: new[] { "JurisdictionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveMeasures_JurisdictionPath",
                table: "IncentiveMeasures",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveMeasures_MeasureId",
                table: "IncentiveMeasures",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveMeasures_WorkflowId",
                table: "IncentiveMeasures",
                column: "WorkflowId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentivePacks_Code",
                table: "IncentivePacks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncentivePacks_JurisdictionId",
                table: "IncentivePacks",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentivePacks_JurisdictionPath",
                table: "IncentivePacks",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_IncentivePayments_ApplicationId",
                table: "IncentivePayments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentivePayments_JurisdictionId",
                table: "IncentivePayments",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_IncentivePayments_JurisdictionPath",
                table: "IncentivePayments",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveWorkflows_JurisdictionId_Key",
                table: "IncentiveWorkflows",
                columns: new[] { "JurisdictionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncentiveWorkflows_JurisdictionPath",
                table: "IncentiveWorkflows",
                column: "JurisdictionPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncentiveApplicationEvents");

            migrationBuilder.DropTable(
                name: "IncentiveApplicationFiles");

            migrationBuilder.DropTable(
                name: "IncentiveBudgets");

            migrationBuilder.DropTable(
                name: "IncentivePacks");

            migrationBuilder.DropTable(
                name: "IncentivePayments");

            migrationBuilder.DropTable(
                name: "IncentiveApplications");

            migrationBuilder.DropTable(
                name: "IncentiveMeasures");

            migrationBuilder.DropTable(
                name: "IncentiveWorkflows");
        }
    }
}
