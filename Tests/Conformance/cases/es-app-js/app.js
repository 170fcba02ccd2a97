import { answer } from './utils/named';
App({ globalData: { answer } });
