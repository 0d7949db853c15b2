import { idCardCheckDigit, idCardProblem, usccCheckCharacter, usccProblem } from '../../src/domain/identifiers';

describe('unified social credit codes (GB 32100-2015)', () => {
  it('accepts a published code with its check character', () => {
    // The USCC of the State Administration for Market Regulation's example in GB 32100-2015.
    expect(usccProblem('91350100M000100Y43')).toBeNull();
  });

  it('computes the check character from the first 17 characters', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('rejects a wrong check character and says which one is right', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('has check character "4", but GB 32100-2015 gives "3" for the first 17 characters');
  });

  it('rejects letters the standard leaves out (I, O, Z, S, V) and wrong lengths', () => {
    expect(usccProblem('91350100M000100I43')).toMatch(/contains "I"/);
    expect(usccProblem('9135010')).toMatch(/18 characters long, not 7/);
  });
});

describe('resident ID-card numbers (ISO 7064 MOD 11-2)', () => {
  it('accepts the number printed on the sample card of GB 11643', () => {
    expect(idCardProblem('11010519491231002X')).toBeNull();
  });

  it('rejects a wrong check digit, naming the right one', () => {
    expect(idCardProblem('110105194912310021')).toBe('has check digit "1", but ISO 7064 MOD 11-2 gives "X"');
  });

  it('rejects a birth date that does not exist', () => {
    expect(idCardProblem('110105194902300021')).toMatch(/"19490230" as the date of birth, which is not a real date/);
  });

  it('rejects a region that is no province (000000 included) and names the province codes', () => {
    const body = '00000019850612001';
    expect(idCardProblem(body + idCardCheckDigit(body))).toMatch(/region code "000000", but its first two digits "00" are no province of GB\/T 2260 \(11–15/);
    const hongKong = '81000019850612001';
    expect(idCardProblem(hongKong + idCardCheckDigit(hongKong))).toBeNull();
  });

  it('rejects a birth date after today in China Standard Time, and accepts today', () => {
    const body = '42070420261130001';
    const number = body + idCardCheckDigit(body);
    expect(idCardProblem(number, new Date('2026-11-29T15:59:59Z'))).toMatch(/"20261130" as the date of birth, which is after today \(20261129\)/);
    expect(idCardProblem(number, new Date('2026-11-29T16:00:00Z'))).toBeNull();
  });

  it('rejects anything but 17 digits and a final digit or X', () => {
    expect(idCardProblem('11010519491231002x')).toMatch(/17 digits followed by a digit or X/);
  });
});
