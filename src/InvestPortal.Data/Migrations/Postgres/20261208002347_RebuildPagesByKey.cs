using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RebuildPagesByKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Status_Id",
                table: "Opportunities",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Opportunities_Status_Id",
                table: "Opportunities");
        }
    }
}
