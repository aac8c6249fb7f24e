using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Projects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Projects_ChainNodes_NodeId",
                table: "Projects");

            migrationBuilder.AddColumn<DateOnly>(
                name: "AtCapacityOn",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CommittedInvestmentPerMu",
                table: "Projects",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CommittedOutputPerMu",
                table: "Projects",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CommittedPlotRatio",
                table: "Projects",
                type: "TEXT",
                precision: 6,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CommittedTaxPerMu",
                table: "Projects",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IndustryCode",
                table: "Projects",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "LandMu",
                table: "Projects",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ListedOn",
                table: "Projects",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleLeader",
                table: "Projects",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResponsibleUnitId",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SignedOn",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TaskForce",
                table: "Projects",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TerminatedOn",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TerminationReason",
                table: "Projects",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HolidayEntry",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsWorkingDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HolidayEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HolidayEntry_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyReport",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthInvestment = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ProgressPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyReport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonthlyReport_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonthlyReport_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectAnnualPlan",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedInvestment = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectAnnualPlan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectAnnualPlan_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectAnnualPlan_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectApproval",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommitmentDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectApproval", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectApproval_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectApproval_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectMilestone",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectMilestone", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectMilestone_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectMilestone_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RulesVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApprovalWorkingDayLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovalLimitSource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SignedNotStartedYellow = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedNotStartedRed = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedNotCompletedYellow = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedNotCompletedRed = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedNotProducingYellow = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedNotProducingRed = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportDueDay = table.Column<int>(type: "INTEGER", nullable: false),
                    LaggardMarginPoints = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectRules_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectShare",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvestmentPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    OutputPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectShare", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectShare_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectShare_Jurisdictions_LocalityId",
                        column: x => x.LocalityId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectShare_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectStageChange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectStageChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectStageChange_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectStageChange_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportPhoto",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportPhoto", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportPhoto_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportPhoto_MonthlyReport_ReportId",
                        column: x => x.ReportId,
                        principalTable: "MonthlyReport",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportPhoto_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportProblem",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResolvedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportProblem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportProblem_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportProblem_MonthlyReport_ReportId",
                        column: x => x.ReportId,
                        principalTable: "MonthlyReport",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportProblem_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_ResponsibleUnitId",
                table: "Projects",
                column: "ResponsibleUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_HolidayEntry_JurisdictionId_Date",
                table: "HolidayEntry",
                columns: new[] { "JurisdictionId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HolidayEntry_JurisdictionPath",
                table: "HolidayEntry",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReport_JurisdictionId",
                table: "MonthlyReport",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReport_JurisdictionPath",
                table: "MonthlyReport",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReport_ProjectId",
                table: "MonthlyReport",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReport_ProjectId_Year_Month",
                table: "MonthlyReport",
                columns: new[] { "ProjectId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReport_Year_Month",
                table: "MonthlyReport",
                columns: new[] { "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectAnnualPlan_JurisdictionId",
                table: "ProjectAnnualPlan",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectAnnualPlan_JurisdictionPath",
                table: "ProjectAnnualPlan",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectAnnualPlan_ProjectId",
                table: "ProjectAnnualPlan",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectAnnualPlan_ProjectId_Year",
                table: "ProjectAnnualPlan",
                columns: new[] { "ProjectId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectApproval_JurisdictionId",
                table: "ProjectApproval",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectApproval_JurisdictionPath",
                table: "ProjectApproval",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectApproval_ProjectId",
                table: "ProjectApproval",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectApproval_ProjectId_Kind",
                table: "ProjectApproval",
                columns: new[] { "ProjectId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMilestone_JurisdictionId",
                table: "ProjectMilestone",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMilestone_JurisdictionPath",
                table: "ProjectMilestone",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMilestone_ProjectId",
                table: "ProjectMilestone",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMilestone_ProjectId_Kind",
                table: "ProjectMilestone",
                columns: new[] { "ProjectId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRules_JurisdictionId",
                table: "ProjectRules",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRules_JurisdictionPath",
                table: "ProjectRules",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectRules_PackCode",
                table: "ProjectRules",
                column: "PackCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectShare_JurisdictionId",
                table: "ProjectShare",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectShare_JurisdictionPath",
                table: "ProjectShare",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectShare_LocalityId",
                table: "ProjectShare",
                column: "LocalityId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectShare_ProjectId",
                table: "ProjectShare",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectShare_ProjectId_LocalityId",
                table: "ProjectShare",
                columns: new[] { "ProjectId", "LocalityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStageChange_JurisdictionId",
                table: "ProjectStageChange",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStageChange_JurisdictionPath",
                table: "ProjectStageChange",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStageChange_ProjectId",
                table: "ProjectStageChange",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPhoto_JurisdictionId",
                table: "ReportPhoto",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPhoto_JurisdictionPath",
                table: "ReportPhoto",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPhoto_ProjectId",
                table: "ReportPhoto",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPhoto_ReportId",
                table: "ReportPhoto",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportProblem_JurisdictionId",
                table: "ReportProblem",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportProblem_JurisdictionPath",
                table: "ReportProblem",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ReportProblem_ProjectId",
                table: "ReportProblem",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportProblem_ReportId",
                table: "ReportProblem",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportProblem_Status",
                table: "ReportProblem",
                column: "Status");

            migrationBuilder.AddForeignKey(
                name: "FK_Projects_ChainNodes_NodeId",
                table: "Projects",
                column: "NodeId",
                principalTable: "ChainNodes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Projects_Units_ResponsibleUnitId",
                table: "Projects",
                column: "ResponsibleUnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Projects_ChainNodes_NodeId",
                table: "Projects");

            migrationBuilder.DropForeignKey(
                name: "FK_Projects_Units_ResponsibleUnitId",
                table: "Projects");

            migrationBuilder.DropTable(
                name: "HolidayEntry");

            migrationBuilder.DropTable(
                name: "ProjectAnnualPlan");

            migrationBuilder.DropTable(
                name: "ProjectApproval");

            migrationBuilder.DropTable(
                name: "ProjectMilestone");

            migrationBuilder.DropTable(
                name: "ProjectRules");

            migrationBuilder.DropTable(
                name: "ProjectShare");

            migrationBuilder.DropTable(
                name: "ProjectStageChange");

            migrationBuilder.DropTable(
                name: "ReportPhoto");

            migrationBuilder.DropTable(
                name: "ReportProblem");

            migrationBuilder.DropTable(
                name: "MonthlyReport");

            migrationBuilder.DropIndex(
                name: "IX_Projects_ResponsibleUnitId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "AtCapacityOn",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "CommittedInvestmentPerMu",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "CommittedOutputPerMu",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "CommittedPlotRatio",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "CommittedTaxPerMu",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "IndustryCode",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "LandMu",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ListedOn",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ResponsibleLeader",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ResponsibleUnitId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "SignedOn",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "TaskForce",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "TerminatedOn",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "TerminationReason",
                table: "Projects");

            migrationBuilder.AddForeignKey(
                name: "FK_Projects_ChainNodes_NodeId",
                table: "Projects",
                column: "NodeId",
                principalTable: "ChainNodes",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }
    }
}
