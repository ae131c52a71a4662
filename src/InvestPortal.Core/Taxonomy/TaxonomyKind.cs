namespace InvestPortal.Core.Taxonomy;

/// <summary>The five lists of the taxonomy, for <see cref="PortalTaxonomy.LabelOf"/>.</summary>
public enum TaxonomyKind { Sector, Location, PartnerRegion, Mode, Stage }
