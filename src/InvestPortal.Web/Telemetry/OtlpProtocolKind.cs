namespace InvestPortal.Web.Telemetry;

/// <summary>How spans, metrics and logs travel to the collector.</summary>
public enum OtlpProtocolKind
{
    Grpc,
    HttpProtobuf,
}
