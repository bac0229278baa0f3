using QRCoder;

namespace Deliberation.Web.Councils;

/// <summary>A QR code as a PNG data URI, so the printed invitation needs no second request and no inline markup.</summary>
public static class InvitationQr
{
    public static string DataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return $"data:image/png;base64,{Convert.ToBase64String(png)}";
    }
}
