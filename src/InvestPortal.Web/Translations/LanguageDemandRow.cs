namespace InvestPortal.Web.Translations;

/// <summary>
/// One language a listing lacks, as its owners see it: readers this month who saw it only in <see cref="ShownIn"/>,
/// and readers' requests (open ones, and those answered since the language was added).
/// </summary>
public sealed record LanguageDemandRow(string Culture, string ShownIn, int ReadersThisMonth, int OpenRequests, int AnsweredRequests, bool Missing);
