using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Search;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestPortal.Search;

public sealed record RebuildReport(int Opportunities, int Investors, int SavedSearches, TimeSpan Elapsed);
