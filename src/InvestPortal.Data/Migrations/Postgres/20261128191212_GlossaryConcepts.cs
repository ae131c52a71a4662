using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestPortal.Data.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sector = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Zh = table.Column<List<string>>(type: "text[]", nullable: false),
                    Ru = table.Column<List<string>>(type: "text[]", nullable: false),
                    En = table.Column<List<string>>(type: "text[]", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
