namespace InvestPortal.Web.Attachments;

/// <summary>Values of Attachments:Store.</summary>
public enum AttachmentStoreKind
{
    /// <summary>DataPath/uploads on this node's disk.</summary>
    Folder,
    /// <summary>A table of the portal's database, seen by every node.</summary>
    Database,
}
