using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListingOutcomesAndReplyTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "Opportunities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Opportunities",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "OutcomeAmount",
                table: "Opportunities",
                type: "REAL",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeCountry",
                table: "Opportunities",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeCurrency",
                table: "Opportunities",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AdminAlertSentAt",
                table: "ExpressionsOfInterest",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DiscussionAt",
                table: "ExpressionsOfInterest",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstReplyAt",
                table: "ExpressionsOfInterest",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OwnerReminderSentAt",
                table: "ExpressionsOfInterest",
                type: "INTEGER",
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
