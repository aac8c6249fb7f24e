using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArrearsLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArrearsClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DebtorKind = table.Column<int>(type: "INTEGER", nullable: false),
                    DebtorUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DebtorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClaimedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    VerificationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepaidAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ClearedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrearsClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrearsClaims_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ArrearsClaims_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ArrearsClaims_Units_DebtorUnitId",
                        column: x => x.DebtorUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArrearsAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrearsAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrearsAttachments_ArrearsClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "ArrearsClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArrearsAttachments_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArrearsInstalments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrearsInstalments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrearsInstalments_ArrearsClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "ArrearsClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArrearsInstalments_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArrearsRepayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrearsRepayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrearsRepayments_ArrearsClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "ArrearsClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArrearsRepayments_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsAttachments_ClaimId",
                table: "ArrearsAttachments",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsAttachments_JurisdictionId",
                table: "ArrearsAttachments",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsAttachments_JurisdictionPath",
                table: "ArrearsAttachments",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsClaims_DebtorUnitId",
                table: "ArrearsClaims",
                column: "DebtorUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsClaims_EnterpriseId",
                table: "ArrearsClaims",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsClaims_JurisdictionId",
                table: "ArrearsClaims",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsClaims_JurisdictionPath",
                table: "ArrearsClaims",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsClaims_Status",
                table: "ArrearsClaims",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsInstalments_ClaimId_Ordinal",
                table: "ArrearsInstalments",
                columns: new[] { "ClaimId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsInstalments_JurisdictionId",
                table: "ArrearsInstalments",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsInstalments_JurisdictionPath",
                table: "ArrearsInstalments",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsRepayments_ClaimId_PaidOn",
                table: "ArrearsRepayments",
                columns: new[] { "ClaimId", "PaidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsRepayments_JurisdictionId",
                table: "ArrearsRepayments",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_ArrearsRepayments_JurisdictionPath",
                table: "ArrearsRepayments",
                column: "JurisdictionPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArrearsAttachments");

            migrationBuilder.DropTable(
                name: "ArrearsInstalments");

            migrationBuilder.DropTable(
                name: "ArrearsRepayments");

            migrationBuilder.DropTable(
                name: "ArrearsClaims");
        }
    }
}
