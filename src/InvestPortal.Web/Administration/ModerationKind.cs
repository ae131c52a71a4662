using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

/// <summary>A new listing sent to review, or a change to a published one (the published text stays up meanwhile).</summary>
public enum ModerationKind { New, Edit }
