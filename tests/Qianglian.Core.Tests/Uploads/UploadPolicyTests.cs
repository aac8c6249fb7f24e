using Qianglian.Core.Incentives;
using Qianglian.Core.Uploads;

namespace Qianglian.Core.Tests.Uploads;

public class UploadPolicyTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
    private static readonly byte[] Exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0];
    private static readonly byte[] WebP = [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0, 0, 0];
    private static readonly byte[] Pdf = "%PDF-1.7\n%%EOF\n"u8.ToArray();

    [Fact]
    public void An_executable_named_as_a_photo_is_refused_and_said_to_be_one()
    {
        var (kind, error) = UploadPolicy.Check(UploadPurpose.SitePhoto, "photo.png", Exe);
        Assert.Null(kind);
        Assert.Contains("可执行程序", error);
    }

    [Fact]
    public void Each_purpose_takes_only_its_own_kinds()
    {
        Assert.Equal(UploadKind.Png, UploadPolicy.Check(UploadPurpose.SitePhoto, "现场.png", Png).Kind);
        Assert.Equal(UploadKind.WebP, UploadPolicy.Check(UploadPurpose.SitePhoto, "现场.webp", WebP).Kind);
        Assert.Null(UploadPolicy.Check(UploadPurpose.SitePhoto, "现场.pdf", Pdf).Kind);            // a photo is an image
        Assert.Null(UploadPolicy.Check(UploadPurpose.ApplicationDocument, "资料.webp", WebP).Kind); // not on the checklist's list
        Assert.Equal(UploadKind.Pdf, UploadPolicy.Check(UploadPurpose.ProblemAttachment, "说明.pdf", Pdf).Kind);
        Assert.Null(UploadPolicy.Check(UploadPurpose.ProblemAttachment, "说明.txt", "text"u8.ToArray()).Kind);
        Assert.Null(UploadPolicy.Check(UploadPurpose.Import, "名录.pdf", Pdf).Kind);
    }

    [Fact]
    public void Content_and_extension_must_agree()
    {
        var (kind, error) = UploadPolicy.Check(UploadPurpose.SitePhoto, "现场.jpg", Png);
        Assert.Null(kind);
        Assert.Contains("实际内容为PNG", error);
    }

    [Fact]
    public void A_stored_file_is_served_as_what_its_bytes_are()
    {
        Assert.Equal("image/png", UploadPolicy.ContentTypeOf(Png));
        Assert.Equal("image/webp", UploadPolicy.ContentTypeOf(WebP));
        Assert.Equal("application/octet-stream", UploadPolicy.ContentTypeOf(Exe));
    }
}
