using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChainStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EnterpriseNodeLinks_ChainId",
                table: "EnterpriseNodeLinks");

            migrationBuilder.CreateTable(
                name: "ChainNodeStatistics",
                columns: table => new
                {
                    NodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocalCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaderCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainNodeStatistics", x => x.NodeId);
                    table.ForeignKey(
                        name: "FK_ChainNodeStatistics_ChainNodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "ChainNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChainNodeYearStatistics",
                columns: table => new
                {
                    NodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AboveScaleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LocalOutput = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    LinksWithFacts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainNodeYearStatistics", x => new { x.NodeId, x.Year });
                    table.ForeignKey(
                        name: "FK_ChainNodeYearStatistics_ChainNodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "ChainNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNodeLinks_ChainId_Role",
                table: "EnterpriseNodeLinks",
                columns: new[] { "ChainId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_ChainNodeStatistics_ChainId",
                table: "ChainNodeStatistics",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_ChainNodeYearStatistics_ChainId_Year",
                table: "ChainNodeYearStatistics",
                columns: new[] { "ChainId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChainNodeStatistics");

            migrationBuilder.DropTable(
                name: "ChainNodeYearStatistics");

            migrationBuilder.DropIndex(
                name: "IX_EnterpriseNodeLinks_ChainId_Role",
                table: "EnterpriseNodeLinks");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseNodeLinks_ChainId",
                table: "EnterpriseNodeLinks",
                column: "ChainId");
        }
    }
}
