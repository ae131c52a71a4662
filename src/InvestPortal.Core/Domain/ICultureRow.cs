namespace InvestPortal.Core.Domain;

public interface ICultureRow
{
    string Culture { get; }
}
