using System.Globalization;
using System.Xml;

namespace InvestPortal.Web.Infrastructure;

/// <summary>
/// The small writing helpers every server-drawn SVG shares (the insight charts, the landing bar chart, the border map):
/// numbers to one decimal in invariant culture, and elements in the SVG namespace.
/// </summary>
public static class SvgMarkup
{
    public const string Ns = "http://www.w3.org/2000/svg";

    public static string Num(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    public static void Attr(XmlWriter w, string name, string value) => w.WriteAttributeString(name, value);

    public static void Empty(XmlWriter w, string name, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement(name, Ns);
        foreach (var (n, v) in attributes) w.WriteAttributeString(n, v);
        w.WriteEndElement();
    }

    public static void Element(XmlWriter w, string name, string text, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement(name, Ns);
        foreach (var (n, v) in attributes) w.WriteAttributeString(n, v);
        w.WriteString(text);
        w.WriteEndElement();
    }
}
