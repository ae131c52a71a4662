using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LifecycleAndEngagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExpiryReminderSentAt",
                table: "Opportunities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastConfirmedAt",
                table: "Opportunities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PendingRevisionAt",
                table: "Opportunities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingRevisionJson",
                table: "Opportunities",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedSnapshotJson",
                table: "Opportunities",
                type: "text",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "ExpressionsOfInterest",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Outcome",
                table: "ExpressionsOfInterest",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AcknowledgedAt",
                table: "ExpressionsOfInterest",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "ExpressionsOfInterest",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "ExpressionsOfInterest",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsAnonymized",
                table: "ExpressionsOfInterest",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OwnerReply",
                table: "ExpressionsOfInterest",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OpportunityAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpportunityAttachments_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityBookmarks",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityBookmarks", x => new { x.UserId, x.OpportunityId });
                    table.ForeignKey(
                        name: "FK_OpportunityBookmarks_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityDailyStats",
                columns: table => new
                {
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Views = table.Column<int>(type: "integer", nullable: false),
                    Interests = table.Column<int>(type: "integer", nullable: false),
                    Invitations = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityDailyStats", x => new { x.OpportunityId, x.Day });
                    table.ForeignKey(
                        name: "FK_OpportunityDailyStats_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvestorProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvitedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpportunityInvitations_InvestorProfiles_InvestorProfileId",
                        column: x => x.InvestorProfileId,
                        principalTable: "InvestorProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpportunityInvitations_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SearchAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SavedSearchId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchAlerts_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchAlerts_SavedSearches_SavedSearchId",
                        column: x => x.SavedSearchId,
                        principalTable: "SavedSearches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaxonomyLabels",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Culture = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxonomyLabels", x => new { x.Kind, x.Code, x.Culture });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpressionsOfInterest_UserId",
                table: "ExpressionsOfInterest",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityAttachments_OpportunityId",
                table: "OpportunityAttachments",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityBookmarks_OpportunityId",
                table: "OpportunityBookmarks",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityInvitations_InvestorProfileId",
                table: "OpportunityInvitations",
                column: "InvestorProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityInvitations_OpportunityId_InvestorProfileId",
                table: "OpportunityInvitations",
                columns: new[] { "OpportunityId", "InvestorProfileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchAlerts_OpportunityId",
                table: "SearchAlerts",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchAlerts_SavedSearchId_OpportunityId",
                table: "SearchAlerts",
                columns: new[] { "SavedSearchId", "OpportunityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchAlerts_SentAt",
                table: "SearchAlerts",
                column: "SentAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OpportunityAttachments");

            migrationBuilder.DropTable(
                name: "OpportunityBookmarks");

            migrationBuilder.DropTable(
                name: "OpportunityDailyStats");

            migrationBuilder.DropTable(
                name: "OpportunityInvitations");

            migrationBuilder.DropTable(
                name: "SearchAlerts");

            migrationBuilder.DropTable(
                name: "TaxonomyLabels");

            migrationBuilder.DropIndex(
                name: "IX_ExpressionsOfInterest_UserId",
                table: "ExpressionsOfInterest");

            migrationBuilder.DropColumn(
                name: "ExpiryReminderSentAt",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "LastConfirmedAt",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "PendingRevisionAt",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "PendingRevisionJson",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "PublishedSnapshotJson",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "ExpressionsOfInterest");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "ExpressionsOfInterest");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "ExpressionsOfInterest");

            migrationBuilder.DropColumn(
                name: "IsAnonymized",
                table: "ExpressionsOfInterest");

            migrationBuilder.DropColumn(
                name: "OwnerReply",
                table: "ExpressionsOfInterest");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "ExpressionsOfInterest",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(450)",
                oldMaxLength: 450,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Outcome",
                table: "ExpressionsOfInterest",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldNullable: true);
        }
    }
}
