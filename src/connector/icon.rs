//! The connector icon: two linked rings (つなぐ, "to connect") in white on the brand colour,
//! 230×230 as certified connectors use. Drawn here so the package needs no binary asset.

/// Icon size in pixels.
pub const SIZE: u32 = 230;

/// The icon as PNG bytes.
pub fn png() -> Vec<u8> {
    let (r, g, b) = brand_rgb();
    let mut pixels = Vec::with_capacity((SIZE * SIZE * 3) as usize);
    for y in 0..SIZE {
        for x in 0..SIZE {
            // 4×4 supersampling for smooth edges.
            let mut covered = 0u32;
            for sy in 0..4 {
                for sx in 0..4 {
                    let px = x as f64 + (sx as f64 + 0.5) / 4.0;
                    let py = y as f64 + (sy as f64 + 0.5) / 4.0;
                    if on_rings(px, py) {
                        covered += 1;
                    }
                }
            }
            let alpha = covered as f64 / 16.0;
            let mix = |c: u8| (c as f64 * (1.0 - alpha) + 255.0 * alpha).round() as u8;
            pixels.extend_from_slice(&[mix(r), mix(g), mix(b)]);
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, SIZE, SIZE);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let written = encoder
            .write_header()
            .and_then(|mut writer| writer.write_image_data(&pixels));
        if let Err(e) = written {
            tracing::error!(error = %e, "cannot encode the connector icon");
        }
    }
    out
}

fn on_rings(x: f64, y: f64) -> bool {
    let ring = |cx: f64, cy: f64| {
        let d = ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
        (34.0..=48.0).contains(&d)
    };
    ring(89.0, 115.0) || ring(141.0, 115.0)
}

fn brand_rgb() -> (u8, u8, u8) {
    let hex = super::BRAND_COLOR.trim_start_matches('#');
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    (channel(0), channel(2), channel(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_is_a_230_pixel_png_on_the_brand_colour() {
        let bytes = png();
        let decoder = png::Decoder::new(bytes.as_slice());
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (SIZE, SIZE));
        assert_eq!(
            &buf[0..3],
            &[0x1f, 0x6f, 0x5c],
            "corner is the brand colour"
        );
        let centre_of_ring = ((115 * SIZE + 89 - 41) * 3) as usize;
        assert_eq!(&buf[centre_of_ring..centre_of_ring + 3], &[255, 255, 255]);
    }
}
