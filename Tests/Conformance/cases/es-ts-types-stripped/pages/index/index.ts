const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import { norm, Color, id, Point } from '../../utils/types';
const p: Point = { x: -2, y: 3 };
Page({ onLoad() { L('ES-4 ' + norm(p) + ' ' + Color.Blue + ' ' + id('z')) } })
