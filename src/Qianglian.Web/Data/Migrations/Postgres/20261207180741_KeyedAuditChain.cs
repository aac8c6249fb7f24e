using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The audit chain becomes keyed: each new entry names the key (kept outside the database) its MAC was made with.
    /// Existing entries keep a null key id and their plain SHA-256 hash, and still verify as they were written; the
    /// first key records the last of them, so no unkeyed entry after it is accepted.
    /// </summary>
    public partial class KeyedAuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "AuditLog",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "AuditLog");
        }
    }
}
