using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PersonalDataProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PersonalDataView",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionId = table.Column<Guid>(type: "uuid", nullable: false),
                    JurisdictionPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataView", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalDataView_Jurisdictions_JurisdictionId",
                        column: x => x.JurisdictionId,
                        principalTable: "Jurisdictions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataView_Field_EntityKey",
                table: "PersonalDataView",
                columns: new[] { "Field", "EntityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataView_JurisdictionId",
                table: "PersonalDataView",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataView_JurisdictionPath",
                table: "PersonalDataView",
                column: "JurisdictionPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonalDataView");
        }
    }
}
