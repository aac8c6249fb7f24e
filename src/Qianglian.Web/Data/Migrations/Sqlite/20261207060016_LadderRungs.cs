using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LadderRungs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Settings loaded before keep the full ladder they had; a pack whose text ends lower says so (达州 v2).
            migrationBuilder.AddColumn<bool>(
                name: "HasChainChiefRung",
                table: "SupervisionSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasJointMeetingRung",
                table: "SupervisionSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasLeadDepartmentRung",
                table: "SupervisionSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "StartsAtCounty",
                table: "SupervisionSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
