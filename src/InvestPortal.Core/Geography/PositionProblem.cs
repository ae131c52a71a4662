namespace InvestPortal.Core.Geography;

/// <summary>A typed point's problem: the coordinate to mark and a localization key (Position.Error.*).</summary>
public sealed record PositionProblem(PositionField Field, string MessageKey);
