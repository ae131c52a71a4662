using System.Text.RegularExpressions;
using InvestPortal.Core.Domain;

namespace InvestPortal.Core.Glossary;

/// <summary>
/// What is wrong with an edited concept, for one field. <see cref="Code"/> names the rule (the web layer turns it
/// into the resource "Glossary.Error.{Code}" with <see cref="Args"/> as placeholders); Core stays language-free.
/// </summary>
public sealed record GlossaryProblem(string Field, string Code, params IReadOnlyList<string> Args);
