using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TargetSourcesAndHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fund",
                table: "IncentivePayments",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "FundJurisdictionId",
                table: "IncentivePayments",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "Year",
                table: "IncentivePayments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Payments recorded before: their fund is their measure's, their year the payment's. A database holding the same
            // voucher twice in a fund's year stops here (operations.md "Upgrading: payment vouchers").
            migrationBuilder.Sql("""
                UPDATE "IncentivePayments" SET
                    "FundJurisdictionId" = (SELECT m."JurisdictionId" FROM "IncentiveApplications" a JOIN "IncentiveMeasures" m ON m."Id" = a."MeasureId" WHERE a."Id" = "IncentivePayments"."ApplicationId"),
                    "Fund" = COALESCE((SELECT m."Fund" FROM "IncentiveApplications" a JOIN "IncentiveMeasures" m ON m."Id" = a."MeasureId" WHERE a."Id" = "IncentivePayments"."ApplicationId"), ''),
                    "Year" = CAST(substr("PaidOn", 1, 4) AS INTEGER);
                """);

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

            migrationBuilder.CreateTable(
                name: "PasswordHistoryEntry",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PasswordHistoryEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PasswordHistoryEntry_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SignInRecord",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignInRecord_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncentivePayments_FundJurisdictionId_Fund_Year_Voucher",
                table: "IncentivePayments",
                columns: new[] { "FundJurisdictionId", "Fund", "Year", "Voucher" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_PasswordHistoryEntry_JurisdictionId",
                table: "PasswordHistoryEntry",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_PasswordHistoryEntry_JurisdictionPath",
                table: "PasswordHistoryEntry",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_PasswordHistoryEntry_UserId",
                table: "PasswordHistoryEntry",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SignInRecord_JurisdictionId",
                table: "SignInRecord",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_SignInRecord_JurisdictionPath",
                table: "SignInRecord",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_SignInRecord_UserId",
                table: "SignInRecord",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndustryEvents");

            migrationBuilder.DropTable(
                name: "JurisdictionStatistics");

            migrationBuilder.DropTable(
                name: "PasswordHistoryEntry");

            migrationBuilder.DropTable(
                name: "SignInRecord");

            migrationBuilder.DropIndex(
                name: "IX_IncentivePayments_FundJurisdictionId_Fund_Year_Voucher",
                table: "IncentivePayments");

            migrationBuilder.DropColumn(
                name: "Fund",
                table: "IncentivePayments");

            migrationBuilder.DropColumn(
                name: "FundJurisdictionId",
                table: "IncentivePayments");

            migrationBuilder.DropColumn(
                name: "Year",
                table: "IncentivePayments");

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
