//! Little-endian binary reading and writing for the model files (length-prefixed arrays).

use super::Error;

/// Appends values to a byte buffer.
#[derive(Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub fn new() -> Self {
        Writer::default()
    }
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn bytes(&mut self, v: &[u8]) {
        self.u32(v.len() as u32);
        self.buf.extend_from_slice(v);
    }
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    pub fn u32s(&mut self, v: &[u32]) {
        self.u32(v.len() as u32);
        v.iter().for_each(|x| self.buf.extend_from_slice(&x.to_le_bytes()));
    }
    pub fn u64s(&mut self, v: &[u64]) {
        self.u32(v.len() as u32);
        v.iter().for_each(|x| self.buf.extend_from_slice(&x.to_le_bytes()));
    }
    pub fn i16s(&mut self, v: &[i16]) {
        self.u32(v.len() as u32);
        v.iter().for_each(|x| self.buf.extend_from_slice(&x.to_le_bytes()));
    }
}

/// Reads values back, failing with [`Error::Model`] on truncated or malformed input.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        match end {
            Some(e) => {
                let s = &self.buf[self.pos..e];
                self.pos = e;
                Ok(s)
            }
            None => Err(Error::Model(format!("truncated model data at byte {}", self.pos))),
        }
    }
    fn arr<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        let s = self.take(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }
    pub fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.arr()?))
    }
    pub fn u64(&mut self) -> Result<u64, Error> {
        Ok(u64::from_le_bytes(self.arr()?))
    }
    pub fn f32(&mut self) -> Result<f32, Error> {
        Ok(f32::from_le_bytes(self.arr()?))
    }
    fn len(&mut self, elem: usize) -> Result<usize, Error> {
        let n = self.u32()? as usize;
        if n.saturating_mul(elem) > self.buf.len() - self.pos {
            return Err(Error::Model(format!("array of {n} items overruns model data at byte {}", self.pos)));
        }
        Ok(n)
    }
    pub fn bytes(&mut self) -> Result<Vec<u8>, Error> {
        let n = self.len(1)?;
        Ok(self.take(n)?.to_vec())
    }
    pub fn str(&mut self) -> Result<String, Error> {
        String::from_utf8(self.bytes()?).map_err(|_| Error::Model("invalid UTF-8 string in model".into()))
    }
    pub fn u32s(&mut self) -> Result<Vec<u32>, Error> {
        let n = self.len(4)?;
        let s = self.take(n * 4)?;
        Ok(s.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
    pub fn u64s(&mut self) -> Result<Vec<u64>, Error> {
        let n = self.len(8)?;
        let s = self.take(n * 8)?;
        Ok(s.chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect())
    }
    pub fn i16s(&mut self) -> Result<Vec<i16>, Error> {
        let n = self.len(2)?;
        let s = self.take(n * 2)?;
        Ok(s.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect())
    }
    pub fn at_end(&self) -> bool {
        self.pos == self.buf.len()
    }
}
