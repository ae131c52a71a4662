namespace InvestPortal.Core.Domain;

/// <summary>Something written in one or more of zh/ru/en, one of which is its original.</summary>
public interface ITranslated<TTranslation> where TTranslation : class, ICultureRow
{
    string OriginalCulture { get; }
    ICollection<TTranslation> Translations { get; }
}
