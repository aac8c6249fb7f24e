using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FieldVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnterpriseIds = table.Column<string>(type: "TEXT", nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldVisits_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FieldVisits_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeasureTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Light = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureTasks_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeasureTasks_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureTasks_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Problems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FirstUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LevelReachedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Escalated = table.Column<bool>(type: "INTEGER", nullable: false),
                    EverOverdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedOnTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Problems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Problems_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Problems_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Problems_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Problems_Units_AssignedUnitId",
                        column: x => x.AssignedUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PromotionMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromotionMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromotionMeetings_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PromotionMeetings_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SettingsVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LocalDays = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadDepartmentDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainChiefDays = table.Column<int>(type: "INTEGER", nullable: false),
                    JointMeetingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemReminderDays = table.Column<int>(type: "INTEGER", nullable: false),
                    LocalUnitIds = table.Column<string>(type: "TEXT", nullable: false),
                    JointMeetingUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReportDueDay = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportReminderDays = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightReporting = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightCompletion = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightRating = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchNode = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchProduct = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchLocality = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchScale = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionSettings_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplyDemandPosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NodeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Product = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ChainLeaderNeed = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnswersPostId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PostedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyDemandPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplyDemandPosts_ChainNodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "ChainNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SupplyDemandPosts_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SupplyDemandPosts_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupplyDemandPosts_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskMilestones_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskMilestones_MeasureTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "MeasureTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Difficulties = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PercentComplete = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskReports_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskReports_MeasureTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "MeasureTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Light = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskReviews_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskReviews_MeasureTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "MeasureTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProblemAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemAttachments_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProblemAttachments_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProblemSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemSteps_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProblemSteps_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssignedMatters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignedMatters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssignedMatters_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssignedMatters_FieldVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "FieldVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssignedMatters_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssignedMatters_PromotionMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "PromotionMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssignedMatters_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplyDemandMatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DemandPostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplyPostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyDemandMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplyDemandMatches_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplyDemandMatches_SupplyDemandPosts_DemandPostId",
                        column: x => x.DemandPostId,
                        principalTable: "SupplyDemandPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupplyDemandMatches_SupplyDemandPosts_SupplyPostId",
                        column: x => x.SupplyPostId,
                        principalTable: "SupplyDemandPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssignedMatters_ChainId_Status",
                table: "AssignedMatters",
                columns: new[] { "ChainId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AssignedMatters_JurisdictionId",
                table: "AssignedMatters",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_AssignedMatters_JurisdictionPath",
                table: "AssignedMatters",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_AssignedMatters_MeetingId",
                table: "AssignedMatters",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_AssignedMatters_UnitId_Status",
                table: "AssignedMatters",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AssignedMatters_VisitId",
                table: "AssignedMatters",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_FieldVisits_ChainId_VisitedOn",
                table: "FieldVisits",
                columns: new[] { "ChainId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FieldVisits_JurisdictionId",
                table: "FieldVisits",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_FieldVisits_JurisdictionPath",
                table: "FieldVisits",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureTasks_DocumentId",
                table: "MeasureTasks",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureTasks_JurisdictionId",
                table: "MeasureTasks",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureTasks_JurisdictionPath",
                table: "MeasureTasks",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureTasks_MeasureId_UnitId",
                table: "MeasureTasks",
                columns: new[] { "MeasureId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureTasks_UnitId_Status",
                table: "MeasureTasks",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemAttachments_JurisdictionId",
                table: "ProblemAttachments",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemAttachments_JurisdictionPath",
                table: "ProblemAttachments",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemAttachments_ProblemId",
                table: "ProblemAttachments",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_AssignedUnitId",
                table: "Problems",
                column: "AssignedUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_ChainId",
                table: "Problems",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_EnterpriseId",
                table: "Problems",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_JurisdictionId",
                table: "Problems",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_JurisdictionPath",
                table: "Problems",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_Status_DueAt",
                table: "Problems",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSteps_JurisdictionId",
                table: "ProblemSteps",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSteps_JurisdictionPath",
                table: "ProblemSteps",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemSteps_ProblemId_At",
                table: "ProblemSteps",
                columns: new[] { "ProblemId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PromotionMeetings_ChainId_HeldOn",
                table: "PromotionMeetings",
                columns: new[] { "ChainId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PromotionMeetings_JurisdictionId",
                table: "PromotionMeetings",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_PromotionMeetings_JurisdictionPath",
                table: "PromotionMeetings",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSettings_JurisdictionId",
                table: "SupervisionSettings",
                column: "JurisdictionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSettings_JurisdictionPath",
                table: "SupervisionSettings",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSettings_PackCode",
                table: "SupervisionSettings",
                column: "PackCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDemandMatches_ChainId",
                table: "SupplyDemandMatches",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDemandMatches_DemandPostId_SupplyPostId",
                table: "SupplyDemandMatches",
                columns: new[] { "DemandPostId", "SupplyPostId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDemandMatches_JurisdictionId",
                table: "SupplyDemandMatches",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDemandMatches_JurisdictionPath",
                table: "SupplyDemandMatches",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDemandMatches_SupplyPostId",
                table: "SupplyDemandMatches",
                column: "SupplyPostId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDemandPosts_ChainId",
                table: "SupplyDemandPosts",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDemandPosts_EnterpriseId",
                table: "SupplyDemandPosts",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDemandPosts_JurisdictionId",
                table: "SupplyDemandPosts",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDemandPosts_JurisdictionPath",
                table: "SupplyDemandPosts",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDemandPosts_Kind_Status",
                table: "SupplyDemandPosts",
                columns: new[] { "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplyDemandPosts_NodeId",
                table: "SupplyDemandPosts",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskMilestones_JurisdictionId",
                table: "TaskMilestones",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskMilestones_JurisdictionPath",
                table: "TaskMilestones",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_TaskMilestones_TaskId",
                table: "TaskMilestones",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskReports_JurisdictionId",
                table: "TaskReports",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskReports_JurisdictionPath",
                table: "TaskReports",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_TaskReports_TaskId_Period",
                table: "TaskReports",
                columns: new[] { "TaskId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskReviews_JurisdictionId",
                table: "TaskReviews",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskReviews_JurisdictionPath",
                table: "TaskReviews",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_TaskReviews_TaskId",
                table: "TaskReviews",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssignedMatters");

            migrationBuilder.DropTable(
                name: "ProblemAttachments");

            migrationBuilder.DropTable(
                name: "ProblemSteps");

            migrationBuilder.DropTable(
                name: "SupervisionSettings");

            migrationBuilder.DropTable(
                name: "SupplyDemandMatches");

            migrationBuilder.DropTable(
                name: "TaskMilestones");

            migrationBuilder.DropTable(
                name: "TaskReports");

            migrationBuilder.DropTable(
                name: "TaskReviews");

            migrationBuilder.DropTable(
                name: "FieldVisits");

            migrationBuilder.DropTable(
                name: "PromotionMeetings");

            migrationBuilder.DropTable(
                name: "Problems");

            migrationBuilder.DropTable(
                name: "SupplyDemandPosts");

            migrationBuilder.DropTable(
                name: "MeasureTasks");
        }
    }
}
