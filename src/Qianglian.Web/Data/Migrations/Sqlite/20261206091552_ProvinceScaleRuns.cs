using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qianglian.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvinceScaleRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EvaluationResults_Chains_ChainId",
                table: "EvaluationResults");

            migrationBuilder.DropForeignKey(
                name: "FK_EvaluationResults_CultivationModels_ModelId",
                table: "EvaluationResults");

            migrationBuilder.DropForeignKey(
                name: "FK_EvaluationResults_Enterprises_EnterpriseId",
                table: "EvaluationResults");

            migrationBuilder.DropForeignKey(
                name: "FK_EvaluationResults_EvaluationRuns_RunId",
                table: "EvaluationResults");

            migrationBuilder.DropForeignKey(
                name: "FK_EvaluationResults_Jurisdictions_JurisdictionId",
                table: "EvaluationResults");

            migrationBuilder.DropIndex(
                name: "IX_EvaluationResults_ChainId",
                table: "EvaluationResults");

            migrationBuilder.DropIndex(
                name: "IX_EvaluationResults_JurisdictionId",
                table: "EvaluationResults");

            migrationBuilder.DropIndex(
                name: "IX_EvaluationResults_JurisdictionPath",
                table: "EvaluationResults");

            migrationBuilder.DropIndex(
                name: "IX_EvaluationResults_ModelId",
                table: "EvaluationResults");

            migrationBuilder.AddColumn<string>(
                name: "Averages",
                table: "EvaluationRuns",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "LowestTotals",
                table: "EvaluationRuns",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "ResultsSeal",
                table: "EvaluationRuns",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Explanation",
                table: "EvaluationResults",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "Figures",
                table: "EvaluationResults",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Averages",
                table: "EvaluationRuns");

            migrationBuilder.DropColumn(
                name: "LowestTotals",
                table: "EvaluationRuns");

            migrationBuilder.DropColumn(
                name: "ResultsSeal",
                table: "EvaluationRuns");

            migrationBuilder.DropColumn(
                name: "Figures",
                table: "EvaluationResults");

            migrationBuilder.AlterColumn<string>(
                name: "Explanation",
                table: "EvaluationResults",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_ChainId",
                table: "EvaluationResults",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_JurisdictionId",
                table: "EvaluationResults",
                column: "JurisdictionId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_JurisdictionPath",
                table: "EvaluationResults",
                column: "JurisdictionPath");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_ModelId",
                table: "EvaluationResults",
                column: "ModelId");

            migrationBuilder.AddForeignKey(
                name: "FK_EvaluationResults_Chains_ChainId",
                table: "EvaluationResults",
                column: "ChainId",
                principalTable: "Chains",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EvaluationResults_CultivationModels_ModelId",
                table: "EvaluationResults",
                column: "ModelId",
                principalTable: "CultivationModels",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_EvaluationResults_Enterprises_EnterpriseId",
                table: "EvaluationResults",
                column: "EnterpriseId",
                principalTable: "Enterprises",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EvaluationResults_EvaluationRuns_RunId",
                table: "EvaluationResults",
                column: "RunId",
                principalTable: "EvaluationRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EvaluationResults_Jurisdictions_JurisdictionId",
                table: "EvaluationResults",
                column: "JurisdictionId",
                principalTable: "Jurisdictions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
