using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WebHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fund",
                table: "IncentivePayments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "FundJurisdictionId",
                table: "IncentivePayments",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "Year",
                table: "IncentivePayments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Payments recorded before: their fund is their measure's, their year the payment's. A database holding the same
            // voucher twice in a fund's year stops here (operations.md "Upgrading: payment vouchers").
            migrationBuilder.Sql("""
                UPDATE "IncentivePayments" SET
                    "FundJurisdictionId" = (SELECT m."JurisdictionId" FROM "IncentiveApplications" a JOIN "IncentiveMeasures" m ON m."Id" = a."MeasureId" WHERE a."Id" = "IncentivePayments"."ApplicationId"),
                    "Fund" = COALESCE((SELECT m."Fund" FROM "IncentiveApplications" a JOIN "IncentiveMeasures" m ON m."Id" = a."MeasureId" WHERE a."Id" = "IncentivePayments"."ApplicationId"), ''),
                    "Year" = CAST(EXTRACT(YEAR FROM "PaidOn") AS integer);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_IncentivePayments_FundJurisdictionId_Fund_Year_Voucher",
                table: "IncentivePayments",
                columns: new[] { "FundJurisdictionId", "Fund", "Year", "Voucher" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
