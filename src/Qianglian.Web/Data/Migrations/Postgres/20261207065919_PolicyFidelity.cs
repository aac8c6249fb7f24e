using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PolicyFidelity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HasChainChiefRung",
                table: "SupervisionSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasJointMeetingRung",
                table: "SupervisionSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasLeadDepartmentRung",
                table: "SupervisionSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "StartsAtCounty",
                table: "SupervisionSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<Guid>(
                name: "UnitId",
                table: "MeasureTasks",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "NamedAs",
                table: "MeasureTasks",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Via",
                table: "MeasureTasks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "CooperatingUnitIds",
                table: "Chains",
                type: "uuid[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "HolidayNotice",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DataVersion = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HolidayNotice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HolidayNotice_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HolidayNotice_JurisdictionId_Year",
                table: "HolidayNotice",
                columns: new[] { "JurisdictionId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HolidayNotice_JurisdictionPath",
                table: "HolidayNotice",
                column: "JurisdictionPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HolidayNotice");

            migrationBuilder.DropColumn(
                name: "HasChainChiefRung",
                table: "SupervisionSettings");

            migrationBuilder.DropColumn(
                name: "HasJointMeetingRung",
                table: "SupervisionSettings");

            migrationBuilder.DropColumn(
                name: "HasLeadDepartmentRung",
                table: "SupervisionSettings");

            migrationBuilder.DropColumn(
                name: "StartsAtCounty",
                table: "SupervisionSettings");

            migrationBuilder.DropColumn(
                name: "NamedAs",
                table: "MeasureTasks");

            migrationBuilder.DropColumn(
                name: "Via",
                table: "MeasureTasks");

            migrationBuilder.DropColumn(
                name: "CooperatingUnitIds",
                table: "Chains");

            migrationBuilder.AlterColumn<Guid>(
                name: "UnitId",
                table: "MeasureTasks",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
