using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LifecycleAndEngagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ExpiryReminderSentAt",
                table: "Opportunities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastConfirmedAt",
                table: "Opportunities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PendingRevisionAt",
                table: "Opportunities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingRevisionJson",
                table: "Opportunities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedSnapshotJson",
                table: "Opportunities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AcknowledgedAt",
                table: "ExpressionsOfInterest",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "ExpressionsOfInterest",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "ExpressionsOfInterest",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsAnonymized",
                table: "ExpressionsOfInterest",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OwnerReply",
                table: "ExpressionsOfInterest",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OpportunityAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Views = table.Column<int>(type: "INTEGER", nullable: false),
                    Interests = table.Column<int>(type: "INTEGER", nullable: false),
                    Invitations = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvestorProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvitedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SavedSearchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
        }
    }
}
