using InvestPortal.Core.Domain;
using InvestPortal.Core.Taxonomy;

namespace InvestPortal.Web.Api;

public sealed record ApiInvestment(decimal Total, string Currency, decimal? MinTicket);
