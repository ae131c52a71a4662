using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GlossaryConcepts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GlossaryConcepts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Zh = table.Column<string>(type: "TEXT", nullable: false),
                    Ru = table.Column<string>(type: "TEXT", nullable: false),
                    En = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GlossaryConcepts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GlossaryConcepts_UpdatedAt",
                table: "GlossaryConcepts",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GlossaryConcepts");
        }
    }
}
