using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Item4TargetSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "EnterpriseId",
                table: "EnterpriseHonours",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "DocumentNumber",
                table: "EnterpriseHonours",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HolderName",
                table: "EnterpriseHonours",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndustryEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EcosystemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndustryEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndustryEvents_Ecosystems_EcosystemId",
                        column: x => x.EcosystemId,
                        principalTable: "Ecosystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndustryEvents_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JurisdictionStatistics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AttachmentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AttachmentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AttachmentContent = table.Column<byte[]>(type: "BLOB", nullable: true),
                    AttachmentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JurisdictionStatistics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JurisdictionStatistics_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndustryEvents_EcosystemId",
                table: "IndustryEvents",
                column: "EcosystemId");

            migrationBuilder.CreateIndex(
                name: "IX_IndustryEvents_JurisdictionId_Kind_HeldOn",
                table: "IndustryEvents",
                columns: new[] { "JurisdictionId", "Kind", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_IndustryEvents_JurisdictionPath",
                table: "IndustryEvents",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_JurisdictionStatistics_JurisdictionId_Kind_Year_Subject",
                table: "JurisdictionStatistics",
                columns: new[] { "JurisdictionId", "Kind", "Year", "Subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JurisdictionStatistics_JurisdictionPath",
                table: "JurisdictionStatistics",
                column: "JurisdictionPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndustryEvents");

            migrationBuilder.DropTable(
                name: "JurisdictionStatistics");

            migrationBuilder.DropColumn(
                name: "DocumentNumber",
                table: "EnterpriseHonours");

            migrationBuilder.DropColumn(
                name: "HolderName",
                table: "EnterpriseHonours");

            migrationBuilder.AlterColumn<Guid>(
                name: "EnterpriseId",
                table: "EnterpriseHonours",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
