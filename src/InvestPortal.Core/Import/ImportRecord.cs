using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Import;

public abstract record ImportRecord(int Line, string ExternalRef);
