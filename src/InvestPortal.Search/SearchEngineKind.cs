using System.ComponentModel.DataAnnotations;

namespace InvestPortal.Search;

public enum SearchEngineKind { Lucene, Elasticsearch }
