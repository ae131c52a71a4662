using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Search;

public enum SearchSort { Relevance, Newest, AmountAscending, AmountDescending }
