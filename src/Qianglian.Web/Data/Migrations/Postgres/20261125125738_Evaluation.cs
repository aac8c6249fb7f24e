using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportProblem_Status",
                table: "ReportProblem");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "ReportProblem");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "ReportProblem");

            migrationBuilder.DropColumn(
                name: "Resolution",
                table: "ReportProblem");

            migrationBuilder.DropColumn(
                name: "ResolvedOn",
                table: "ReportProblem");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "ReportProblem");

            migrationBuilder.AddColumn<Guid>(
                name: "ProblemId",
                table: "ReportProblem",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "IndexRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ModelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelVersion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectCount = table.Column<int>(type: "integer", nullable: false),
                    ScoredCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexRuns_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndexResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    Class = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ClassKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Verdict = table.Column<int>(type: "integer", nullable: false),
                    Values = table.Column<string>(type: "text", nullable: false),
                    Explanation = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexResults_IndexRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "IndexRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndexResults_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportProblem_ProblemId",
                table: "ReportProblem",
                column: "ProblemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_JurisdictionId",
                table: "IndexResults",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_JurisdictionPath",
                table: "IndexResults",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_RunId_SubjectId",
                table: "IndexResults",
                columns: new[] { "RunId", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexRuns_JurisdictionId_Subject_Year",
                table: "IndexRuns",
                columns: new[] { "JurisdictionId", "Subject", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_IndexRuns_JurisdictionPath",
                table: "IndexRuns",
                column: "JurisdictionPath");

            migrationBuilder.AddForeignKey(
                name: "FK_ReportProblem_Problems_ProblemId",
                table: "ReportProblem",
                column: "ProblemId",
                principalTable: "Problems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReportProblem_Problems_ProblemId",
                table: "ReportProblem");

            migrationBuilder.DropTable(
                name: "IndexResults");

            migrationBuilder.DropTable(
                name: "IndexRuns");

            migrationBuilder.DropIndex(
                name: "IX_ReportProblem_ProblemId",
                table: "ReportProblem");

            migrationBuilder.DropColumn(
                name: "ProblemId",
                table: "ReportProblem");

            migrationBuilder.AddColumn<int>(
                name: "Category",
                table: "ReportProblem",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "ReportProblem",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Resolution",
                table: "ReportProblem",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResolvedOn",
                table: "ReportProblem",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "ReportProblem",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_ReportProblem_Status",
                table: "ReportProblem",
                column: "Status");
        }
    }
}
