using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ElementQuotas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QuotaPools",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Element = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Granted = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    TransferredIn = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    TransferredOut = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Allocated = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuotaPools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuotaPools_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuotaPools_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuotaRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Element = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Requested = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Allocated = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Consumed = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuotaRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuotaRequests_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuotaRequests_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuotaRequests_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuotaMovements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Element = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    CounterpartChainId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuotaMovements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuotaMovements_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuotaMovements_QuotaPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "QuotaPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuotaUses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    UsedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuotaUses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuotaUses_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuotaUses_QuotaRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "QuotaRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuotaMovements_ChainId_Year",
                table: "QuotaMovements",
                columns: new[] { "ChainId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_QuotaMovements_JurisdictionId",
                table: "QuotaMovements",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaMovements_JurisdictionPath",
                table: "QuotaMovements",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaMovements_PoolId",
                table: "QuotaMovements",
                column: "PoolId");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaPools_ChainId_Year_Element",
                table: "QuotaPools",
                columns: new[] { "ChainId", "Year", "Element" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuotaPools_JurisdictionId",
                table: "QuotaPools",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaPools_JurisdictionPath",
                table: "QuotaPools",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaRequests_ChainId_Year_Status",
                table: "QuotaRequests",
                columns: new[] { "ChainId", "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_QuotaRequests_JurisdictionId",
                table: "QuotaRequests",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaRequests_JurisdictionPath",
                table: "QuotaRequests",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaRequests_ProjectId",
                table: "QuotaRequests",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaUses_JurisdictionId",
                table: "QuotaUses",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaUses_JurisdictionPath",
                table: "QuotaUses",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_QuotaUses_RequestId",
                table: "QuotaUses",
                column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuotaMovements");

            migrationBuilder.DropTable(
                name: "QuotaUses");

            migrationBuilder.DropTable(
                name: "QuotaPools");

            migrationBuilder.DropTable(
                name: "QuotaRequests");
        }
    }
}
