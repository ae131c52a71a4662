using InvestPortal.Core.Domain;
using InvestPortal.Core.Geography;

namespace InvestPortal.Web.Administration;

/// <summary>A crossing on the admin pages: as the content file gives it, as the portal shows it now, and the stored correction if any.</summary>
public sealed record CrossingRow(BorderCrossing File, BorderCrossing Current, BorderCrossingCorrection? Correction);
