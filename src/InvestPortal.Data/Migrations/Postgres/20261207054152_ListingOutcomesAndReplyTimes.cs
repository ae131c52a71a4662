using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListingOutcomesAndReplyTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "Opportunities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Opportunities",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OutcomeAmount",
                table: "Opportunities",
                type: "numeric(20,4)",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeCountry",
                table: "Opportunities",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeCurrency",
                table: "Opportunities",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AdminAlertSentAt",
                table: "ExpressionsOfInterest",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DiscussionAt",
                table: "ExpressionsOfInterest",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstReplyAt",
                table: "ExpressionsOfInterest",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OwnerReminderSentAt",
                table: "ExpressionsOfInterest",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Status_Outcome",
                table: "Opportunities",
                columns: new[] { "Status", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpressionsOfInterest_FirstReplyAt_CreatedAt",
                table: "ExpressionsOfInterest",
                columns: new[] { "FirstReplyAt", "CreatedAt" });

            // What existing rows already tell: an acknowledgement was the owner's first reply, a listing closed before
            // this migration was closed when last changed, an interest in discussion entered it when last changed.
            migrationBuilder.Sql("UPDATE \"ExpressionsOfInterest\" SET \"FirstReplyAt\" = \"AcknowledgedAt\" WHERE \"AcknowledgedAt\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"ExpressionsOfInterest\" SET \"DiscussionAt\" = \"UpdatedAt\" WHERE \"Status\" = 'InDiscussion';");
            migrationBuilder.Sql("UPDATE \"Opportunities\" SET \"ClosedAt\" = \"UpdatedAt\" WHERE \"Status\" = 'Closed';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Opportunities_Status_Outcome",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_ExpressionsOfInterest_FirstReplyAt_CreatedAt",
                table: "ExpressionsOfInterest");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "OutcomeAmount",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "OutcomeCountry",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "OutcomeCurrency",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "AdminAlertSentAt",
                table: "ExpressionsOfInterest");

            migrationBuilder.DropColumn(
                name: "DiscussionAt",
                table: "ExpressionsOfInterest");

            migrationBuilder.DropColumn(
                name: "FirstReplyAt",
                table: "ExpressionsOfInterest");

            migrationBuilder.DropColumn(
                name: "OwnerReminderSentAt",
                table: "ExpressionsOfInterest");
        }
    }
}
