using System.Buffers.Binary;
using SkiaSharp;

namespace Deliberation.Web.Tests.Photos;

/// <summary>Photos as phones send them: a JPEG with an EXIF block holding the GPS position and the orientation.</summary>
public static class TestPhotos
{
    /// <summary>The latitude written into the EXIF block: 30° 15' 12.34" N, as three rationals.</summary>
    public static readonly byte[] Latitude = Rationals((30, 1), (15, 1), (1234, 100));

    /// <summary>A landscape JPEG (64 × 48) whose EXIF says the camera was turned (orientation 6: show it rotated 90°).</summary>
    public static byte[] JpegWithGps()
    {
        using var bitmap = new SKBitmap(64, 48);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SkyBlue);
            using var paint = new SKPaint { Color = SKColors.DarkGreen };
            canvas.DrawRect(0, 32, 64, 16, paint);
        }
        var plain = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        var app1 = App1(Exif());
        // Right after the start-of-image marker, where a camera writes it.
        return [.. plain[..2], .. app1, .. plain[2..]];
    }

    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Orange);
        return bitmap.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static byte[] App1(byte[] tiff)
    {
        var segment = new byte[4 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment.AsSpan(10));
        return segment;
    }

    /// <summary>A big-endian TIFF block: IFD0 (orientation, pointer to the GPS IFD), the GPS IFD (latitude), its values.</summary>
    private static byte[] Exif()
    {
        var tiff = new byte[68 + Latitude.Length];
        var t = tiff.AsSpan();
        "MM\0*"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt32BigEndian(t[4..], 8);
        // IFD0 at 8: two entries, then the next IFD's offset (none). Ends at 8 + 2 + 24 + 4 = 38.
        BinaryPrimitives.WriteUInt16BigEndian(t[8..], 2);
        Entry(t[10..], 0x0112, 3, 1, 6 << 16);     // Orientation = 6, a SHORT left-justified in the value field
        Entry(t[22..], 0x8825, 4, 1, 38);          // GPSInfo IFD at 38
        // GPS IFD at 38: latitude reference and latitude; ends at 38 + 2 + 24 + 4 = 68, where the rationals are.
        BinaryPrimitives.WriteUInt16BigEndian(t[38..], 2);
        Entry(t[40..], 0x0001, 2, 2, 'N' << 24);   // "N\0"
        Entry(t[52..], 0x0002, 5, 3, 68);
        Latitude.CopyTo(t[68..]);
        return tiff;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
    }

    private static byte[] Rationals(params (uint Numerator, uint Denominator)[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 8), values[i].Numerator);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 8 + 4), values[i].Denominator);
        }
        return bytes;
    }
}
