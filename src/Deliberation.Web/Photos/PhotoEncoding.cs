using System.Security.Cryptography;
using Deliberation.Runtime.Photos;
using SkiaSharp;

namespace Deliberation.Web.Photos;

/// <summary>
/// A photo as it is kept: decoded by its bytes (JPEG, PNG or WebP, whatever its name or declared type), turned upright
/// by its EXIF orientation, scaled down to <see cref="MaxEdge"/> and encoded afresh as a JPEG. Only pixels survive the
/// trip: EXIF (GPS position, camera, time), XMP, ICC and comments are never copied, since nothing of the original
/// file but its decoded pixels reaches the encoder.
/// </summary>
public static class PhotoEncoding
{
    public const int MaxEdge = 1600;
    public const int Quality = 82;
    public const string ContentType = "image/jpeg";

    /// <summary>A decoded image above this many pixels is refused before its pixels are allocated (a "decompression bomb").</summary>
    public const long MaxPixels = 50_000_000;

    private static readonly SKEncodedImageFormat[] Accepted = [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp];

    /// <summary>The re-encoded photo, or null when the bytes are not a JPEG, PNG or WebP image that decodes whole.</summary>
    public static StoredPhoto? Reencode(byte[] original)
    {
        using var data = SKData.CreateCopy(original);
        using var codec = SKCodec.Create(data);
        if (codec is null || !Accepted.Contains(codec.EncodedFormat)) return null;
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels) return null;

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success) return null;

        var origin = codec.EncodedOrigin;
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightWidth, uprightHeight) = turned ? (height, width) : (width, height);
        var scale = Math.Min(1f, (float)MaxEdge / Math.Max(uprightWidth, uprightHeight));
        var (outWidth, outHeight) = (Math.Max(1, (int)Math.Round(uprightWidth * scale)), Math.Max(1, (int)Math.Round(uprightHeight * scale)));

        using var surface = SKSurface.Create(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not make a surface for the photo.");
        var canvas = surface.Canvas;
        // JPEG has no transparency: what was transparent in a PNG or WebP shows on white.
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        canvas.Concat(Upright(origin, width, height));
        using (var image = SKImage.FromBitmap(decoded))
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        canvas.Flush();

        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, Quality);
        if (encoded is null) return null;
        var bytes = encoded.ToArray();
        return new StoredPhoto(Convert.ToHexStringLower(SHA256.HashData(bytes)), ContentType, outWidth, outHeight, bytes);
    }

    /// <summary>Maps the stored pixels (w × h) to the upright picture, as EXIF's orientation tag says the camera held it.</summary>
    private static SKMatrix Upright(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
