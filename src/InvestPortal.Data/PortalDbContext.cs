using InvestPortal.Core.Domain;
using InvestPortal.Data.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Data;

/// <summary>
/// The source of truth. Each database provider has its own subclass so that each keeps its own
/// migrations (SQLite and PostgreSQL differ in types and defaults); code depends on this base.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<OpportunityTranslation> OpportunityTranslations => Set<OpportunityTranslation>();
    public DbSet<InvestorProfile> InvestorProfiles => Set<InvestorProfile>();
    public DbSet<InvestorProfileTranslation> InvestorProfileTranslations => Set<InvestorProfileTranslation>();
    public DbSet<ExpressionOfInterest> ExpressionsOfInterest => Set<ExpressionOfInterest>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    /// <summary>The glossary's source of truth (seeded from content/glossary.jsonl, edited by admins).</summary>
    public DbSet<GlossaryEntry> GlossaryConcepts => Set<GlossaryEntry>();
    /// <summary>Shared data-protection keys, so several web nodes can read each other's cookies and tokens.</summary>
    public DbSet<OpportunityAttachment> OpportunityAttachments => Set<OpportunityAttachment>();
    public DbSet<OpportunityAttachmentContent> OpportunityAttachmentContents => Set<OpportunityAttachmentContent>();
    public DbSet<OpportunityDailyStat> OpportunityDailyStats => Set<OpportunityDailyStat>();
    public DbSet<OpportunityInvitation> OpportunityInvitations => Set<OpportunityInvitation>();
    public DbSet<OpportunityBookmark> OpportunityBookmarks => Set<OpportunityBookmark>();
    public DbSet<SearchAlert> SearchAlerts => Set<SearchAlert>();
    /// <summary>Searches that found nothing, aggregated; never who searched.</summary>
    public DbSet<UnmetSearch> UnmetSearches => Set<UnmetSearch>();
    public DbSet<OpportunityLanguageDemand> OpportunityLanguageDemands => Set<OpportunityLanguageDemand>();
    public DbSet<TranslationRequest> TranslationRequests => Set<TranslationRequest>();
    public DbSet<TaxonomyLabel> TaxonomyLabels => Set<TaxonomyLabel>();
    /// <summary>Admins' corrections of content/border-crossings.json, applied over the file at start and on change.</summary>
    public DbSet<BorderCrossingCorrection> BorderCrossingCorrections => Set<BorderCrossingCorrection>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(20, 4);
    }
}
