using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResponsibilityCatchAlls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                nullable: false,
                defaultValueSql: "'{}'::uuid[]"); // existing chains have no cooperating department yet
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
