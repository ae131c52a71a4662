using InvestPortal.Core.Domain;
using InvestPortal.Core.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace InvestPortal.Search.Lucene;

/// <summary>One SHOULD clause of the match-candidate query: a code or concept term and its weight (<see cref="CandidateTerms"/>).</summary>
internal readonly record struct CandidateClause(Term Term, float Boost);
