namespace InvestPortal.Web.Infrastructure;

/// <summary>The localized title and explanation for each error status, shared by the error page and the API's problem details.</summary>
public static class ErrorTexts
{
    /// <summary>The resource key of the explanation; the title is the same key + "Title".</summary>
    public static string KeyFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Error.BadRequest",
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => "Error.Forbidden",
        StatusCodes.Status404NotFound or StatusCodes.Status410Gone => "Error.NotFound",
        StatusCodes.Status413PayloadTooLarge => "Error.TooLarge",
        StatusCodes.Status414UriTooLong => "Error.UriTooLong",
        StatusCodes.Status429TooManyRequests => "Error.TooMany",
        StatusCodes.Status503ServiceUnavailable => "Error.Unavailable",
        _ => "Error.Generic",
    };
}
