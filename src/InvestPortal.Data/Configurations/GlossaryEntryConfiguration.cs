using InvestPortal.Core.Domain;
using InvestPortal.Core.Glossary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestPortal.Data.Configurations;

internal sealed class GlossaryEntryConfiguration : IEntityTypeConfiguration<GlossaryEntry>
{
    public void Configure(EntityTypeBuilder<GlossaryEntry> b)
    {
        // The table is named for what it holds; the class is GlossaryEntry only to avoid a clash with Core.Glossary.GlossaryConcept.
        b.ToTable("GlossaryConcepts");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasMaxLength(GlossaryRules.MaxIdLength);
        b.Property(e => e.Sector).HasMaxLength(64);
        b.Property(e => e.UpdatedBy).HasMaxLength(256);
        // Term lists are primitive collections (a JSON array on SQLite, text[] on PostgreSQL): they are always read
        // and written whole, with the concept, and searched in memory where Cyrillic case folding is right.
        b.PrimitiveCollection(e => e.Zh).IsRequired();
        b.PrimitiveCollection(e => e.Ru).IsRequired();
        b.PrimitiveCollection(e => e.En).IsRequired();
        // Nodes poll the newest UpdatedAt to notice edits made elsewhere.
        b.HasIndex(e => e.UpdatedAt);
    }
}
